package io.dockertutorial.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.DigestUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Pages: rendered once per version of the course and served from memory after that, with strong
 * ETags, 304s and gzip. Tomcat does not compress responses that carry a strong ETag (rightly: the
 * compressed bytes are another representation), so this filter compresses itself and gives each
 * representation its own strong ETag. The cache is dropped whenever the course is reloaded.
 */
class PageEtagFilter extends OncePerRequestFilter {

    private static final int MIN_GZIP = 1024;
    private static final int MAX_ENTRIES = 2000;
    private static final int MAX_QUERY = 64;

    /** One rendered page, in both encodings. */
    private record Page(String contentType, byte[] plain, byte[] gzip, String etag, String gzipEtag) {
    }

    private final Supplier<Object> contentVersion;
    private final Map<String, Page> cache = new ConcurrentHashMap<>();
    private volatile Object cachedVersion;

    /** @param contentVersion changes (by identity) whenever the pages' content may have changed */
    PageEtagFilter(Supplier<Object> contentVersion) {
        this.contentVersion = contentVersion;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            chain.doFilter(request, response);
            return;
        }
        Object version = contentVersion.get();
        if (version != cachedVersion) {
            cache.clear();
            cachedVersion = version;
        }
        String query = request.getQueryString();
        boolean cacheable = (query == null ? request.getParameterMap().isEmpty() : query.length() <= MAX_QUERY)
                && !request.getRequestURI().startsWith("/embed/explain");
        // The Host is part of the key: pages carry absolute oEmbed discovery URLs.
        String key = request.getHeader("Host") + request.getRequestURI() + (query == null ? "" : "?" + query);
        Page page = cacheable ? cache.get(key) : null;
        if (page == null) {
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, wrapper);
            byte[] body = wrapper.getContentAsByteArray();
            String type = wrapper.getContentType();
            if (wrapper.getStatus() != 200 || body.length == 0 || response.isCommitted() || type == null
                    || !type.startsWith("text/html")) {
                wrapper.copyBodyToResponse();
                return;
            }
            wrapper.resetBuffer();
            String hash = DigestUtils.md5DigestAsHex(body);
            page = new Page(type, body, body.length >= MIN_GZIP ? gzip(body) : null, "\"" + hash + "\"",
                    "\"gz-" + hash + "\"");
            if (cacheable && cache.size() < MAX_ENTRIES) {
                cache.put(key, page);
            }
        }
        write(page, request, response);
    }

    private static void write(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String accept = request.getHeader("Accept-Encoding");
        boolean gzip = page.gzip() != null && accept != null && accept.contains("gzip");
        String etag = gzip ? page.gzipEtag() : page.etag();
        response.setContentType(page.contentType());
        response.setHeader("ETag", etag);
        response.addHeader("Vary", "Accept-Encoding");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] out = gzip ? page.gzip() : page.plain();
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(out.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(out);
        }
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 8192)) {
            gz.write(body);
        }
        return bytes.toByteArray();
    }
}
