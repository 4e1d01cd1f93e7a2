package io.dockertutorial.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rendered pages {@link PageEtagFilter} serves from memory, bounded by bytes. Caffeine's W-TinyLFU
 * admission keeps the pages people actually read when a flood of one-off URLs arrives.
 * <p>
 * A page is keyed on what its rendering reads and nothing else: the site's origin as the page's absolute
 * links will show it ({@link SiteUrls#origin}), the path, and the few query parameters a page looks at,
 * each reduced to the values that change the page. A parameter no page reads ({@code ?p=1}, {@code ?utm_…})
 * does not make a new entry; a request whose answer depends on free text ({@code ?q=}, {@code ?dockerfile=})
 * or on an odd value is rendered for that request only.
 */
final class PageCache {

    /** One rendered page, in both encodings, and the course version it was rendered from. */
    record Page(String contentType, byte[] plain, byte[] gzip, String etag, String gzipEtag, Object version) {

        /** Bytes held, with a rough allowance for the key, the record and the strings. */
        int weight(String key) {
            return plain.length + (gzip == null ? 0 : gzip.length) + 2 * key.length() + 256;
        }
    }

    /**
     * Parameters that make no page of their own: whatever their value, the request is rendered uncached.
     * {@code text} is the explained text of another kind ({@code /embed/explain?kind=command&text=…}).
     * {@code title} is not here: the server reads it only beside {@code dockerfile} or {@code text}; without
     * them embed-frame.js applies it in the browser, so the page itself does not change.
     */
    private static final Set<String> UNCACHED = Set.of("q", "dockerfile", "text");
    private static final Pattern EXAMPLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A kind name ({@code command}, {@code compose}, {@code auto}…): the playground and the explain embed read it. */
    private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,31}");

    private final Cache<String, Page> pages;

    PageCache(long maxBytes) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Page page) -> page.weight(key))
                // Evict on the caller's thread: the bound holds as soon as put returns.
                .executor(Runnable::run)
                .build();
    }

    /** The cache key of this request, or {@code null} when its page must not be cached. */
    static String key(HttpServletRequest request, String origin) {
        String query = request.getQueryString();
        if (query != null && !strictlyDecodable(query)) {
            // Never answered from the cache: MalformedParametersFilter refuses it, and only the first caller of
            // getParameterMap learns from Tomcat that it is malformed.
            return null;
        }
        StringBuilder key = new StringBuilder(origin).append(request.getRequestURI());
        Map<String, String[]> params = new TreeMap<>(request.getParameterMap());
        for (String name : UNCACHED) {
            if (params.containsKey(name)) {
                return null;
            }
        }
        char sep = '?';
        // Sorted, so ?a&b and ?b&a share one entry.
        for (Map.Entry<String, String[]> param : params.entrySet()) {
            String value = canonical(param.getKey(), param.getValue());
            if (value == CANNOT) {
                return null;
            }
            if (value != null) {
                key.append(sep).append(param.getKey()).append('=').append(value);
                sep = '&';
            }
        }
        return key.toString();
    }

    /** Whether every name and value of the query decodes as Tomcat would accept it (and there are not hundreds). */
    private static boolean strictlyDecodable(String query) {
        String[] pairs = query.split("&");
        if (pairs.length > 100) {
            return false;
        }
        try {
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                BufferedBody.decode(eq < 0 ? pair : pair.substring(0, eq));
                if (eq >= 0) {
                    BufferedBody.decode(pair.substring(eq + 1));
                }
            }
            return true;
        } catch (BufferedBody.Refused e) {
            return false;
        }
    }

    private static final String CANNOT = new String("cannot");

    /**
     * The value of a parameter as the pages read it: {@code null} when it does not change the page,
     * {@link #CANNOT} when the page cannot be cached.
     */
    private static String canonical(String name, String[] values) {
        boolean known = switch (name) {
            case "theme", "background", "example", "offline", "kind" -> true;
            default -> false;
        };
        if (!known) {
            return null;
        }
        if (values.length != 1) {
            return CANNOT;
        }
        String v = values[0];
        return switch (name) {
            // The embed pages know two themes; anything else is the page's default.
            case "theme" -> v.equals("dark") || v.equals("light") ? v : null;
            case "background" -> v.equals("transparent") ? v : null;
            case "example" -> EXAMPLE.matcher(v).matches() ? v : CANNOT;
            case "offline" -> v.equals("true") || v.equals("false") ? v : CANNOT;
            case "kind" -> KIND.matcher(v).matches() ? v : CANNOT;
            default -> null;
        };
    }

    Page get(String key, Object version) {
        Page page = pages.getIfPresent(key);
        return page != null && page.version() == version ? page : null;
    }

    void put(String key, Page page) {
        pages.put(key, page);
    }

    void clear() {
        pages.invalidateAll();
    }

    /** Bytes held now (for tests and the benchmark). */
    long weightedSize() {
        return pages.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    long size() {
        return pages.estimatedSize();
    }
}
