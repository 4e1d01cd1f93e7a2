package io.dockertutorial.command;

import io.dockertutorial.explain.TextExplanation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands read the way the docker CLI reads them, and what each flag's value does. */
class CommandExplainerTest {

    private final CommandExplainer explainer = new CommandExplainer();

    private TextExplanation.Item only(String text) {
        List<TextExplanation.Item> items = explainer.explain(text).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static TextExplanation.Flag flag(TextExplanation.Item item, String name) {
        return item.flags().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no flag " + name + " in " + item.flags()));
    }

    @Test
    void publishingSaysWhereByTheValue() {
        TextExplanation.Item item = only("docker run -d -p 127.0.0.1:8080:80 --name web nginx:1.30");
        assertThat(item.summary()).startsWith("Creates a new container from an image and starts it.");
        assertThat(flag(item, "-p").value()).isEqualTo("127.0.0.1:8080:80");
        assertThat(flag(item, "-p").explanation()).contains("port 80 as port 8080 on 127.0.0.1 only")
                .contains("other computers cannot");
        assertThat(flag(item, "-d").explanation()).contains("background");
        assertThat(flag(item, "--name").explanation()).contains("Names the container web");
        assertThat(item.parts()).extracting(TextExplanation.Part::role).containsExactly("command", "image");
        assertThat(item.parts().get(1).summary()).contains("official image nginx from Docker Hub, tag 1.30");

        TextExplanation.Item all = only("docker run -p 8080:80 nginx:1.30");
        assertThat(flag(all, "-p").explanation()).contains("every network interface");
        assertThat(flag(only("docker run -p 80 nginx"), "-p").explanation()).contains("free port");
        assertThat(flag(only("docker run -p 0.0.0.0:8080:80/udp nginx"), "-p").explanation())
                .contains("port 80/udp as port 8080 on every network interface");
        assertThat(flag(only("docker run -p [::1]:8080:80 nginx"), "-p").explanation()).contains("on ::1 only");
    }

    @Test
    void flagsAreReadAsPflagDoes() {
        TextExplanation.Item item = only("docker run --rm -it --name=web -e A=1 -eB=2 --env C python:3.13-slim python -c 'print(1)' --name x");
        assertThat(item.flags()).extracting(TextExplanation.Flag::name)
                .containsExactly("--rm", "-i", "-t", "--name", "-e", "-e", "--env");
        assertThat(item.flags()).extracting(TextExplanation.Flag::value)
                .containsExactly(null, null, null, "web", "A=1", "B=2", "C");
        assertThat(flag(item, "--env").explanation()).contains("Copies the variable C");
        // after the image, words belong to the container's command, flags included
        assertThat(item.parts()).extracting(TextExplanation.Part::text)
                .containsExactly("docker run", "python:3.13-slim", "python -c print(1) --name x");
        assertThat(explainer.explain("docker run --rm -it python:3.13-slim python -c 'print(1)' --name x").warnings()).isEmpty();
    }

    @Test
    void misspelledFlagsAreWarnedWithTheLikelyFlag() {
        TextExplanation result = explainer.explain("docker run -d --nmae web nginx");
        assertThat(result.warnings()).hasSize(1);
        assertThat(result.warnings().get(0).rule()).isEqualTo("unknown-flag");
        assertThat(result.warnings().get(0).message()).contains("--nmae").contains("did you mean --name?");
        assertThat(explainer.explain("docker compose up -f compose.yaml").warnings().get(0).message())
                .contains("-f is a flag of docker compose, not of docker compose up");
        assertThat(explainer.explain("docker run -p").warnings().get(0).rule()).isEqualTo("missing-value");
        assertThat(explainer.explain("docker imagse").warnings().get(0).message()).contains("did you mean docker image");
        assertThat(explainer.explain("docker swarm init").warnings()).isEmpty();
        assertThat(explainer.explain("docker run --frobnicate nginx").warnings().get(0).message())
                .doesNotContain("did you mean");
    }

    @Test
    void consoleTranscriptsPromptsContinuationsAndOutput() {
        TextExplanation result = explainer.explain("""
                $ docker run -d \\
                    -p 8080:80 nginx:1.30
                3f2a9c0e
                $ curl -s localhost:8080   # not docker
                <html>
                $ docker stop web && docker rm web
                web
                """);
        assertThat(result.items()).hasSize(3);
        assertThat(result.items().get(0).startLine()).isEqualTo(1);
        assertThat(result.items().get(0).endLine()).isEqualTo(2);
        assertThat(result.items().get(0).source()).isEqualTo("$ docker run -d \\\n    -p 8080:80 nginx:1.30");
        assertThat(result.items().get(1).summary()).startsWith("Stops running containers.");
        assertThat(result.items().get(2).startLine()).isEqualTo(6);

        TextExplanation ps = explainer.explain("PS> docker run --rm `\n  -v \"${PWD}:/work\" -w /work `\n  python:3.13-slim python hello.py");
        assertThat(ps.items()).hasSize(1);
        assertThat(flag(ps.items().get(0), "-v").explanation()).contains("Mounts ${PWD} from this machine at /work");
        assertThat(ps.items().get(0).endLine()).isEqualTo(3);
    }

    @Test
    void managementCommandsAliasesComposeAndBuildx() {
        assertThat(only("docker image rm nginx:1.30").summary()).startsWith("Removes images");
        assertThat(only("docker rmi nginx:1.30").summary()).startsWith("Removes images");
        TextExplanation.Item up = only("docker compose -p shop up -d --build --wait");
        assertThat(up.parts().get(0).text()).isEqualTo("docker compose up");
        assertThat(flag(up, "-p").explanation()).contains("Names the project shop");
        assertThat(flag(up, "--wait").explanation()).contains("healthy");
        TextExplanation.Item bx = only("docker buildx build --platform linux/amd64,linux/arm64 -t registry.example.com/app:2 --push .");
        assertThat(flag(bx, "-t").explanation()).contains("registry registry.example.com, tag 2");
        assertThat(flag(bx, "--push").explanation()).contains("Pushes the image");
        TextExplanation.Item build = only("docker build -t greeting .");
        assertThat(flag(build, "-t").explanation()).contains("greeting:latest");
        assertThat(build.parts().get(1).summary()).contains("here .");
    }

    @Test
    void valuesThatMatter() {
        assertThat(flag(only("docker run -v data:/var/lib/postgresql/data postgres:17"), "-v").explanation())
                .contains("named volume data").contains("read-write");
        assertThat(flag(only("docker run -v \"$(pwd)/site:/usr/share/nginx/html:ro\" nginx"), "-v").explanation())
                .contains("Mounts $(pwd)/site from this machine at /usr/share/nginx/html").contains("read-only");
        assertThat(flag(only("docker run --mount type=bind,src=./app,dst=/app,readonly nginx"), "--mount").explanation())
                .contains("./app").contains("/app").contains("read-only");
        assertThat(flag(only("docker run --restart on-failure:3 app"), "--restart").explanation()).contains("at most 3 times");
        assertThat(flag(only("docker run --restart unless-stopped app"), "--restart").explanation()).contains("unless you stopped it");
        assertThat(flag(only("docker run --network host app"), "--network").explanation()).contains("host's network");
        assertThat(flag(only("docker run --network shop app"), "--network").explanation()).contains("by name");
        assertThat(flag(only("docker run -u 10001:10001 app"), "-u").explanation()).contains("user ID 10001 and group 10001");
        assertThat(flag(only("docker run --user root app"), "--user").explanation()).contains("as root");
        assertThat(flag(only("docker run -m 512m app"), "-m").explanation()).contains("512 MiB");
        assertThat(flag(only("docker run --cpus 1.5 app"), "--cpus").explanation()).contains("1.5 CPUs");
        assertThat(flag(only("docker build --build-arg VERSION=1.2 ."), "--build-arg").explanation())
                .contains("VERSION to 1.2");
        assertThat(flag(only("docker build --progress=plain ."), "--progress").explanation()).contains("plain text");
        assertThat(flag(only("docker build --target build ."), "--target").explanation()).contains("stage named build");
    }

    @Test
    void scriptsAndNoDockerAtAll() {
        assertThat(explainer.explain("# comment\nls -la\n").items()).isEmpty();
        assertThat(explainer.explain("sudo docker ps -a\nDOCKER_BUILDKIT=1 docker build .").items()).hasSize(2);
        assertThat(explainer.explain("docker ps -a | grep web > out.txt").items().get(0).flags())
                .extracting(TextExplanation.Flag::name).containsExactly("-a");
        assertThat(explainer.explain("").items()).isEmpty();
    }

    @Test
    void rootPromptsBundlesWithValuesAndDoubleDash() {
        TextExplanation root = explainer.explain("# docker ps -a\n# this line is output\n$ docker images");
        assertThat(root.items()).hasSize(2);
        assertThat(root.items().get(0).flags()).extracting(TextExplanation.Flag::name).containsExactly("-a");
        TextExplanation.Item item = only("docker run -dp8080:80 -- nginx --rm");
        assertThat(item.flags()).extracting(TextExplanation.Flag::name).containsExactly("-d", "-p");
        assertThat(flag(item, "-p").value()).isEqualTo("8080:80");
        assertThat(item.parts()).extracting(TextExplanation.Part::text).containsExactly("docker run", "nginx", "--rm");
    }
}
