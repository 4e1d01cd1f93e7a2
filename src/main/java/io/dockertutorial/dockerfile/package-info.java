/**
 * The Dockerfile engine, a pipeline in four stages, each a package that uses only the ones before it:
 * <ol>
 *   <li>{@code syntax}: the parser, lexers and words of a Dockerfile and a {@code .dockerignore};</li>
 *   <li>{@code state}: the one walk over the build, with the image and stage state before and after
 *       every instruction and what RUN, COPY and ADD change;</li>
 *   <li>{@code checks}: the lint rules over that walk, their findings and the catalog of facts
 *       ({@code src/main/resources/dockerfile/*.yml});</li>
 *   <li>{@code narration}: the sentences that explain each instruction, and {@code Explainer}, the entry
 *       point that runs the whole pipeline.</li>
 * </ol>
 * {@code EngineShapeTest} keeps the order.
 */
package io.dockertutorial.dockerfile;
