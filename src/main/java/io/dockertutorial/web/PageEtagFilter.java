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
import java.util.zip.GZIPOutputStream;

/**
 * Strong ETags with 304s, and gzip, for pages. Tomcat does not compress responses that carry a
 * strong ETag (rightly: the compressed bytes are another representation), so this filter compresses
 * itself and gives each representation its own strong ETag.
 */
class PageEtagFilter extends OncePerRequestFilter {

    private static final int MIN_GZIP = 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        byte[] body = wrapper.getContentAsByteArray();
        if (wrapper.getStatus() != 200 || body.length == 0 || response.isCommitted()) {
            wrapper.copyBodyToResponse();
            return;
        }
        String accept = request.getHeader("Accept-Encoding");
        boolean gzip = accept != null && accept.contains("gzip") && body.length >= MIN_GZIP;
        String etag = "\"" + (gzip ? "gz-" : "") + DigestUtils.md5DigestAsHex(body) + "\"";
        wrapper.resetBuffer();
        response.setHeader("ETag", etag);
        response.addHeader("Vary", "Accept-Encoding");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setContentLength(0);
            return;
        }
        byte[] out = gzip ? gzip(body) : body;
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(out.length);
        if (!method.equals("HEAD")) {
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
