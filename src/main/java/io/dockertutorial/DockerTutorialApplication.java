package io.dockertutorial;

import io.dockertutorial.export.StaticExporter;
import io.dockertutorial.lesson.CourseService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Arrays;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DockerTutorialApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("export")) {
            System.exit(export(args));
        }
        SpringApplication.run(DockerTutorialApplication.class, args);
    }

    /**
     * {@code java -jar app.jar export FOLDER [--tutorial.content-dir=…]}: writes the site as static files.
     * Starts the app on a free loopback port, fetches every page, and stops it again.
     *
     * @return the process exit code
     */
    public static int export(String[] args) {
        if (args.length < 2 || args[1].startsWith("--")) {
            System.err.println("Usage: java -jar docker-tutorial.jar export FOLDER [--tutorial.content-dir=PATH]");
            return 2;
        }
        Path folder = Path.of(args[1]).toAbsolutePath().normalize();
        String[] rest = Arrays.copyOfRange(args, 2, args.length + 2);
        rest[rest.length - 2] = "--server.port=0";
        rest[rest.length - 1] = "--server.address=127.0.0.1";
        try (ConfigurableApplicationContext context = SpringApplication.run(DockerTutorialApplication.class, rest)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            int files = new StaticExporter("http://127.0.0.1:" + port, folder)
                    .export(context.getBean(CourseService.class).course());
            System.out.println("Exported " + files + " files to " + folder);
            return 0;
        } catch (Exception e) {
            System.err.println("Export failed: " + e.getMessage());
            return 1;
        }
    }
}
