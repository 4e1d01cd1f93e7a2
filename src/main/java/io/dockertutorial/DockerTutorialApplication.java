package io.dockertutorial;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DockerTutorialApplication {

    public static void main(String[] args) {
        SpringApplication.run(DockerTutorialApplication.class, args);
    }
}
