package io.dockertutorial.spelling;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Typos as the Compose and command checks suggest them: a swap is one edit, the caller sets how many may be. */
class TyposTest {

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(Typos.distance("--nmae", "--name")).isEqualTo(1);
        assertThat(Typos.distance("depnds_on", "depends_on")).isEqualTo(1);
        assertThat(Typos.distance("imagse", "images")).isEqualTo(1);
        assertThat(Typos.distance("ab", "abcdef")).isEqualTo(Integer.MAX_VALUE);
        assertThat(Typos.distance("a".repeat(65), "a".repeat(64))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theFirstClosestWithinTheCallersLimit() {
        List<String> keys = List.of("image", "images", "build", "ports");
        assertThat(Typos.closest("imag", keys, 1, false)).isEqualTo("image");
        assertThat(Typos.closest("prots", keys, 1, false)).isEqualTo("ports");
        assertThat(Typos.closest("bild", keys, 1, false)).isEqualTo("build");
        assertThat(Typos.closest("volumes", keys, 3, false)).isNull();
        assertThat(Typos.closest("PORTS", keys, 1, false)).isNull();
        assertThat(Typos.closest("PORTS", keys, 1, true)).isEqualTo("ports");
        assertThat(Typos.closest("Prots", List.of("Ports"), 1, true)).isEqualTo("Ports");
    }
}
