package io.dockertutorial.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The page cache's key and its byte bound (review findings H3 and H4). */
class PageCacheTest {

    private static MockHttpServletRequest get(String uri, String... params) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            query.append(query.isEmpty() ? "" : "&").append(params[i]).append('=')
                    .append(java.net.URLEncoder.encode(params[i + 1], java.nio.charset.StandardCharsets.UTF_8));
            request.addParameter(params[i], params[i + 1]);
        }
        request.setQueryString(query.isEmpty() ? null : query.toString());
        return request;
    }

    private static PageCache.Page page(int bytes, Object version) {
        return new PageCache.Page("text/html", new byte[bytes], null, "\"e\"", "\"gz-e\"", version);
    }

    @Test
    void theBoundIsInBytesNotEntries() {
        PageCache cache = new PageCache(1_000_000);
        Object version = new Object();
        for (int i = 0; i < 2000; i++) {
            cache.put("http://h:80/lessons/x?p=" + i, page(100_000, version));
            assertThat(cache.weightedSize()).isLessThanOrEqualTo(1_000_000);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void aPageFromAnOlderCourseIsAMiss() {
        PageCache cache = new PageCache(1_000_000);
        Object old = new Object();
        cache.put("k", page(10, old));
        assertThat(cache.get("k", old)).isNotNull();
        assertThat(cache.get("k", new Object())).isNull();
    }

    @Test
    void parametersNoPageReadsShareThePagesEntry() {
        String plain = PageCache.key(get("/lessons/overview"), "http://h:80");
        assertThat(PageCache.key(get("/lessons/overview", "p", "1"), "http://h:80")).isEqualTo(plain);
        assertThat(PageCache.key(get("/lessons/overview", "utm_source", "x", "p", "2"), "http://h:80")).isEqualTo(plain);
        assertThat(plain).isEqualTo("http://h:80/lessons/overview");
    }

    @Test
    void theOriginIsPartOfTheKey() {
        assertThat(PageCache.key(get("/embed"), "https://evil.example:443"))
                .isNotEqualTo(PageCache.key(get("/embed"), "http://school.lan:80"));
    }

    @Test
    void parametersPagesReadAreReducedToTheValuesThatChangeThePage() {
        String origin = "http://h:80";
        assertThat(PageCache.key(get("/embed/lessons/a", "theme", "dark"), origin)).isEqualTo(origin + "/embed/lessons/a?theme=dark");
        assertThat(PageCache.key(get("/embed/lessons/a", "theme", "neon"), origin)).isEqualTo(origin + "/embed/lessons/a");
        assertThat(PageCache.key(get("/embed/lessons/a", "background", "transparent", "theme", "light"), origin))
                .isEqualTo(origin + "/embed/lessons/a?background=transparent&theme=light");
        assertThat(PageCache.key(get("/embed/lessons/a", "theme", "light", "background", "transparent"), origin))
                .isEqualTo(origin + "/embed/lessons/a?background=transparent&theme=light");
        assertThat(PageCache.key(get("/playground", "example", "multi-stage"), origin)).isEqualTo(origin + "/playground?example=multi-stage");
        // the playground's kind select and the explain embed's kind=command change the page
        assertThat(PageCache.key(get("/playground", "kind", "compose"), origin)).isEqualTo(origin + "/playground?kind=compose");
        assertThat(PageCache.key(get("/embed/explain", "kind", "command"), origin))
                .isNotEqualTo(PageCache.key(get("/embed/explain"), origin));
    }

    @Test
    void freeTextOddValuesAndRepeatsAreNotCached() {
        String origin = "http://h:80";
        assertThat(PageCache.key(get("/search", "q", "volume"), origin)).isNull();
        assertThat(PageCache.key(get("/embed/explain", "dockerfile", "FROM a"), origin)).isNull();
        assertThat(PageCache.key(get("/embed/explain", "kind", "command", "text", "ls -la"), origin)).isNull();
        assertThat(PageCache.key(get("/embed/explain", "kind", "<x>"), origin)).isNull();
        assertThat(PageCache.key(get("/playground", "example", "<x>"), origin)).isNull();
        assertThat(PageCache.key(get("/search", "offline", "maybe"), origin)).isNull();
        assertThat(PageCache.key(get("/embed/lessons/a", "theme", "dark", "theme", "light"), origin)).isNull();
        MockHttpServletRequest malformed = get("/embed/explain");
        malformed.setQueryString("theme=%ZZ");
        assertThat(PageCache.key(malformed, origin)).isNull();
    }
}
