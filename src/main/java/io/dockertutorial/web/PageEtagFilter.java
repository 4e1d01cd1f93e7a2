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
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Pages: rendered once per version of the course and served from memory after that ({@link PageCache},
 * bounded by bytes), with strong ETags, 304s and gzip. Tomcat does not compress responses that carry a
 * strong ETag (rightly: the compressed bytes are another representation), so this filter compresses
 * itself and gives each representation its own strong ETag. The cache is dropped whenever the course is
 * reloaded. A HEAD request is answered from the cache but never fills it: nobody asked for that page's body.
 */
class PageEtagFilter extends OncePerRequestFilter {

    private static final int MIN_GZIP = 1024;

    private final Supplier<Object> contentVersion;
    private final SiteUrls urls;
    private final PageCache cache;
    private volatile Object cachedVersion;

    /**
     * @param contentVersion changes (by identity) whenever the pages' content may have changed
     * @param maxBytes       memory the cached pages may take
     */
    PageEtagFilter(Supplier<Object> contentVersion, SiteUrls urls, long maxBytes) {
        this.contentVersion = contentVersion;
        this.urls = urls;
        this.cache = new PageCache(maxBytes);
    }

    PageCache cache() {
        return cache;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        boolean head = method.equals("HEAD");
        if (!method.equals("GET") && !head) {
            chain.doFilter(request, response);
            return;
        }
        Object version = contentVersion.get();
        if (version != cachedVersion) {
            cache.clear();
            cachedVersion = version;
        }
        String key;
        try {
            key = PageCache.key(request, urls.origin(request));
        } catch (RuntimeException e) {
            // A query Tomcat cannot decode: MalformedParametersFilter answers it.
            key = null;
        }
        PageCache.Page page = key == null ? null : cache.get(key, version);
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
            page = new PageCache.Page(type, body, body.length >= MIN_GZIP ? gzip(body) : null, "\"" + hash + "\"",
                    "\"gz-" + hash + "\"", version);
            if (key != null && !head) {
                cache.put(key, page);
            }
        }
        write(page, request, response);
    }

    private static void write(PageCache.Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
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
