package io.dockertutorial.labs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the CLI's --help text (a shortened `docker run --help` and `docker image --help`). */
class CliHelpTest {

    private static final String RUN = """

            Usage:  docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]

            Create and run a new container from an image

            Aliases:
              docker container run, docker run

            Options:
                  --add-host list                    Add a custom host-to-IP mapping (host:ip)
              -d, --detach                           Run container in background and print container ID
              -e, --env list                         Set environment variables
                  --init                             Run an init inside the container
              -i, --interactive                      Keep STDIN open even if not attached
              -p, --publish list                     Publish a container's port(s) to the host
                  --rm                               Automatically remove the container when it exits
              -t, --tty                              Allocate a pseudo-TTY
            """;

    private static final String IMAGE = """

            Usage:  docker image COMMAND

            Manage images

            Commands:
              build       Build an image from a Dockerfile
              ls          List images
              rm          Remove one or more images

            Run 'docker image COMMAND --help' for more information on a command.
            """;

    @Test
    void readsFlagsAndWhetherTheyTakeAValue() {
        CliCheck.Help help = CliCheck.Help.parse(RUN);
        assertThat(help.flag("--rm")).isNull();
        assertThat(help.flag("-it")).isNull();
        assertThat(help.flag("-dp8080:80")).isNull();
        assertThat(help.flag("--publsh")).isEqualTo("unknown flag --publsh");
        assertThat(help.flag("-x")).isEqualTo("unknown shorthand flag -x in -x");
        assertThat(help.takesValue("-p")).isTrue();
        assertThat(help.takesValue("--env")).isTrue();
        assertThat(help.takesValue("--env=A=b")).isFalse();
        assertThat(help.takesValue("-it")).isFalse();
        assertThat(help.takesValue("-dp")).isTrue();
        assertThat(help.commands()).isEmpty();
    }

    @Test
    void readsSubcommands() {
        assertThat(CliCheck.Help.parse(IMAGE).commands()).containsExactlyInAnyOrder("build", "ls", "rm");
    }
}
