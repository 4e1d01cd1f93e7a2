package io.dockertutorial.dockerfile.syntax;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerignoreTest {

    @Test
    void doubleStarSlashMatchesWholeFoldersOnly() {
        Dockerignore ignore = Dockerignore.parse("**/foo\n");
        assertThat(ignore.excludes("foo")).isTrue();
        assertThat(ignore.excludes("a/b/foo")).isTrue();
        assertThat(ignore.excludes("foo/bar.txt")).isTrue();
        assertThat(ignore.excludes("xfoo")).isFalse();
        assertThat(ignore.excludes("a/xfoo")).isFalse();
    }

    @Test
    void doubleStarAloneAndInTheMiddle() {
        Dockerignore ignore = Dockerignore.parse("docs/**/*.md\n**\n!src\n");
        assertThat(ignore.excludes("docs/a/b/x.md")).isTrue();
        assertThat(ignore.excludes("docs/x.md")).isTrue();
        assertThat(ignore.excludes("src/main.go")).isFalse();
        assertThat(ignore.excludes("README")).isTrue();
    }

    @Test
    void exceptionsAndLeadingSlashes() {
        Dockerignore ignore = Dockerignore.parse("# comment\n/*.log\n!keep.log\n./tmp/\n");
        assertThat(ignore.excludes("a.log")).isTrue();
        assertThat(ignore.excludes("keep.log")).isFalse();
        assertThat(ignore.excludes("sub/a.log")).isFalse();
        assertThat(ignore.excludes("tmp/x")).isTrue();
    }
}
