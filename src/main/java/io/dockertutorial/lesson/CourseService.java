package io.dockertutorial.lesson;

import io.dockertutorial.TutorialProperties;
import io.dockertutorial.markdown.FenceRenderer;
import io.dockertutorial.markdown.MarkdownRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.file.Files;
import java.nio.file.Path;

/** Holds the current {@link Course}, loaded and rendered once at start-up. */
@Service
public class CourseService {

    private static final Logger log = LoggerFactory.getLogger(CourseService.class);

    private final String location;
    private final CourseLoader loader;
    private volatile Course course;

    public CourseService(TutorialProperties properties, FenceRenderer dockerfileRenderer) {
        this.location = location(properties);
        this.loader = new CourseLoader(new MarkdownRenderer(dockerfileRenderer));
        this.course = loader.load(location);
        log.info("Loaded {} lessons from {}", course.lessons().size(), location);
    }

    static String location(TutorialProperties properties) {
        if (!properties.hasContentDir()) {
            return "classpath:content";
        }
        Path dir = Path.of(properties.contentDir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            log.error("The content folder {} does not exist or is not a folder", dir);
        }
        return "file:" + dir;
    }

    public Course course() {
        return course;
    }
}
