package io.dockertutorial.spelling;

import java.util.Collection;
import java.util.Locale;

/**
 * The likely intended word for a misspelt one: the closest candidate by edit distance (Damerau–Levenshtein,
 * optimal string alignment, so a swap of two neighbours counts as one edit), when it is close enough. How close
 * is close enough is the caller's rule.
 */
public final class Typos {

    /** Longer words are never compared (a budget: the table is one cell per pair of letters). */
    static final int MAX_LENGTH = 64;

    private Typos() {
    }

    /**
     * @param maxEdits   the most edits a typo may have
     * @param ignoreCase whether to compare in lower case (the candidate is returned as given)
     * @return the first of the closest candidates within {@code maxEdits} of {@code word}, or {@code null}
     */
    public static String closest(String word, Collection<String> candidates, int maxEdits, boolean ignoreCase) {
        String w = ignoreCase ? word.toLowerCase(Locale.ROOT) : word;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, ignoreCase ? c.toLowerCase(Locale.ROOT) : c);
            if (d < bestDistance && d <= maxEdits) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * The number of edits from {@code a} to {@code b}; {@link Integer#MAX_VALUE} when their lengths differ by more
     * than 3 or one is longer than {@link #MAX_LENGTH}.
     */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3 || a.length() > MAX_LENGTH || b.length() > MAX_LENGTH) {
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
