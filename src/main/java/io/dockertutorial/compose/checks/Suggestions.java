package io.dockertutorial.compose.checks;

import java.util.Collection;
import java.util.Locale;

/** The likely intended word for a misspelt one: the closest by edit distance, when it is close enough. */
public final class Suggestions {

    private Suggestions() {
    }

    /** @return the closest candidate within a third of the word's length (at least 1, at most 3 edits), or null */
    public static String closest(String word, Collection<String> candidates) {
        if (word == null) {
            return null;
        }
        String w = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, w.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance && d <= limit) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Damerau–Levenshtein (optimal string alignment): a swap of two letters counts as one edit. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
