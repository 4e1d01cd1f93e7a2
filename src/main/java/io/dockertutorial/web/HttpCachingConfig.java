package io.dockertutorial.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * HTTP caching: strong ETags, 304s and gzip on pages ({@link PageEtagFilter}); fingerprinted assets are
 * immutable for a year.
 */
@Configuration(proxyBeanMethods = false)
class HttpCachingConfig {

    private static final Pattern FINGERPRINTED = Pattern.compile("^/static/.+-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

    @Bean
    FilterRegistrationBean<PageEtagFilter> pageEtagFilter(io.dockertutorial.lesson.CourseService courses, SiteUrls urls,
                                                          io.dockertutorial.TutorialProperties properties) {
        FilterRegistrationBean<PageEtagFilter> bean = new FilterRegistrationBean<>(
                new PageEtagFilter(courses::course, urls, properties.pageCacheSize().toBytes()));
        bean.addUrlPatterns("/", "/lessons/*", "/playground", "/embed", "/embed/*", "/search");
        // Early: a cached page skips the rest of the filter chain and the dispatcher.
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return bean;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> assetCacheFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                boolean fingerprinted = FINGERPRINTED.matcher(request.getRequestURI()).matches();
                chain.doFilter(request, new CacheControlRewriter(response, fingerprinted));
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(filter);
        bean.addUrlPatterns("/static/*");
        return bean;
    }

    /**
     * Fingerprinted URLs never change, so they are {@code immutable}; an unversioned asset URL (an old
     * link, an embed) must revalidate instead of sticking in caches for a year.
     */
    private static final class CacheControlRewriter extends HttpServletResponseWrapper {
        private final boolean fingerprinted;

        CacheControlRewriter(HttpServletResponse response, boolean fingerprinted) {
            super(response);
            this.fingerprinted = fingerprinted;
            if (!fingerprinted) {
                response.setHeader("Cache-Control", "no-cache");
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!name.equalsIgnoreCase("Cache-Control")) {
                super.setHeader(name, value);
            } else if (fingerprinted) {
                super.setHeader(name, immutable(name, value));
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!name.equalsIgnoreCase("Cache-Control")) {
                super.addHeader(name, value);
            } else if (fingerprinted) {
                super.addHeader(name, immutable(name, value));
            }
        }
    }

    private static String immutable(String name, String value) {
        return name.equalsIgnoreCase("Cache-Control") && value != null && !value.contains("immutable")
                ? value + ", immutable" : value;
    }
}
