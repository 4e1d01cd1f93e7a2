package io.dockertutorial.classroom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * Classroom mode's beans, only when {@code classroom.enabled=true}: without it none of this exists and the
 * /classroom routes answer 404.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "classroom", name = "enabled", havingValue = "true")
@EnableWebSocket
@EnableScheduling
class ClassroomConfig implements WebSocketConfigurer {

    private final Classroom classroom;

    ClassroomConfig(ClassroomProperties props) {
        this.classroom = new Classroom(props, new HostRules.RealHost());
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    Classroom classroom() {
        return classroom;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        var interceptor = new HttpSessionHandshakeInterceptor(java.util.List.of(TerminalSocket.LEARNER));
        // Same origin only (Spring's default when no origins are allowed): another site cannot open a
        // learner's terminal with the learner's cookie.
        registry.addHandler(new TerminalSocket(classroom.sandboxes(), classroom.terminals()), "/classroom/terminal")
                .addInterceptors(interceptor);
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void reap() {
        if (classroom.active()) {
            classroom.sandboxes().reap();
        }
    }
}
