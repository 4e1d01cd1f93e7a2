package io.dockertutorial.lesson;

import org.springframework.core.io.Resource;

import java.util.Map;

/**
 * One lesson's raw input: {@code name} is its path relative to the content folder
 * ({@code 01-overview.md} or {@code 02-images/index.md}), {@code baseName} the part that gives the
 * default order and slug ({@code 01-overview}, {@code 02-images}).
 */
record LessonSource(String name, String baseName, byte[] markdown, Map<String, Resource> assets) {
}
