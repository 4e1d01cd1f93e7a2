package io.dockertutorial.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps {@code %2F} in paths as an opaque character instead of rejecting the request with a bare
 * 400: such paths then match no lesson or asset and get the site's 404 page. Nothing ever maps a
 * URL to a file path, so an encoded slash cannot lead outside content/ or static/. Unread bodies are not swallowed.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfig implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            // A body the app did not read (a 408, 413 or 429 answered early) is not waited for: the connection
            // closes instead, so a client trickling the rest of its body cannot keep the worker thread.
            if (connector.getProtocolHandler() instanceof org.apache.coyote.http11.AbstractHttp11Protocol<?> http) {
                http.setMaxSwallowSize(0);
            }
        });
    }
}
