package io.dockertutorial.cache;

import io.dockertutorial.dockerfile.syntax.DockerfileParser;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;
import org.springframework.stereotype.Service;

/** Parses a Dockerfile and predicts its next build; shared by the API and the pages. */
@Service
public class CacheService {

    private final CacheSimulator simulator = new CacheSimulator();

    public record Result(ParsedDockerfile parsed, CachePrediction prediction) {
    }

    public Result predict(String dockerfile, CacheSimulator.Change change) throws CacheSimulator.UnknownTargetException {
        ParsedDockerfile parsed = new DockerfileParser().parse(dockerfile);
        return new Result(parsed, simulator.predict(parsed, change));
    }
}
