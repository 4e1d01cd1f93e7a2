package io.dockertutorial.embed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The integrations a docs author installs from this server in one line, and the snippets that say how. */
@SpringBootTest
@AutoConfigureMockMvc
class IntegrationsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    IntegrationPackages packages;

    private byte[] download(String name) throws Exception {
        return mvc.perform(get("/integrations/" + name)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("immutable")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    /** The entries of a gzipped ustar archive, read with nothing but the format's own rules. */
    static Map<String, byte[]> untar(byte[] tgz) throws IOException {
        byte[] tar = new GZIPInputStream(new ByteArrayInputStream(tgz)).readAllBytes();
        Map<String, byte[]> files = new LinkedHashMap<>();
        int at = 0;
        while (at + 512 <= tar.length && tar[at] != 0) {
            String name = new String(tar, at, 100, StandardCharsets.UTF_8).replace("\0", "");
            assertThat(new String(tar, at + 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
            long sum = 0;
            for (int i = 0; i < 512; i++) {
                sum += (i >= 148 && i < 156) ? ' ' : tar[at + i] & 0xff;
            }
            assertThat(Long.parseLong(new String(tar, at + 148, 6, StandardCharsets.US_ASCII).trim(), 8)).isEqualTo(sum);
            int size = Integer.parseInt(new String(tar, at + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
            files.put(name, java.util.Arrays.copyOfRange(tar, at + 512, at + 512 + size));
            at += 512 + (size + 511) / 512 * 512;
        }
        return files;
    }

    @Test
    void theDocusaurusPluginIsAnNpmTarballWithTheServersVersion() throws Exception {
        assertThat(packages.tarballName()).isEqualTo("docusaurus-plugin-dockerfile-explainer-" + packages.version() + ".tgz");
        assertThat(packages.version()).isNotEqualTo("0.0.0-dev").matches("[0-9]+\\.[0-9]+\\.[0-9]+.*");
        Map<String, byte[]> files = untar(download(packages.tarballName()));
        assertThat(files).containsKeys("package/package.json", "package/index.js", "package/remark.js",
                "package/loader.js", "package/theme/DockerfileExplainer/index.js");
        JsonNode manifest = JsonMapper.builder().build().readTree(files.get("package/package.json"));
        assertThat(manifest.get("name").asString()).isEqualTo("docusaurus-plugin-dockerfile-explainer");
        assertThat(manifest.get("version").asString()).isEqualTo(packages.version());
        assertThat(manifest.has("private")).as("installable").isFalse();
        for (String file : manifest.get("files").valueStream().map(JsonNode::asString).toList()) {
            assertThat(files.keySet()).as("package.json lists " + file).anyMatch(k -> k.startsWith("package/" + file));
        }
        assertThat(new String(files.get("package/index.js"), StandardCharsets.UTF_8))
                .doesNotContain("tagName: 'script'").contains("getClientModules");
    }

    @Test
    void theMkDocsPluginIsAWheelWithAnEntryPointAndAnHonestRecord() throws Exception {
        assertThat(packages.wheelName()).matches("docker_tutorial_mkdocs-[0-9]+\\.[0-9]+\\.[0-9]+(\\.dev0)?-py3-none-any\\.whl");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download(packages.wheelName())))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }
        String distInfo = packages.wheelName().replace("-py3-none-any.whl", ".dist-info/");
        assertThat(files).containsKeys("docker_tutorial_mkdocs.py", distInfo + "METADATA", distInfo + "WHEEL",
                distInfo + "RECORD", distInfo + "entry_points.txt");
        assertThat(new String(files.get(distInfo + "entry_points.txt"), StandardCharsets.UTF_8))
                .contains("[mkdocs.plugins]", "dockerfile-explainer = docker_tutorial_mkdocs:DockerfileExplainerPlugin");
        String record = new String(files.get(distInfo + "RECORD"), StandardCharsets.UTF_8);
        for (var file : files.entrySet()) {
            if (file.getKey().endsWith("RECORD")) {
                continue;
            }
            assertThat(record).contains(file.getKey() + ",sha256=" + IntegrationPackages.sha256(file.getValue()) + ","
                    + file.getValue().length);
        }
    }

    @Test
    void otherNamesAreNotFoundAndTheHugoHookIsText() throws Exception {
        for (String name : new String[]{"docusaurus-plugin-dockerfile-explainer-9.9.9.tgz", "..%2Fpom.xml", "x.whl"}) {
            mvc.perform(get("/integrations/" + name)).andExpect(status().isNotFound());
        }
        String hook = new String(download("render-codeblock-dockerfile.html"), StandardCharsets.UTF_8);
        assertThat(hook).contains(".Attributes.explain", "class=\"dockerfile-explain\"", "{{ .Inner }}").doesNotContain("htmlEscape .Inner");
    }

    @Test
    void theEmbedPageGivesOneLineInstallsFromThisServer() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/embed")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        String text = page.select("pre code").eachText().toString();
        assertThat(text).contains("npm install http://localhost/integrations/" + packages.tarballName(),
                "pip install http://localhost/integrations/" + packages.wheelName(),
                "import explainFences from 'docusaurus-plugin-dockerfile-explainer/remark';",
                "dockerfile-explainer:", "url: http://localhost",
                "format: !!python/name:pymdownx.superfences.fence_code_format",
                "addEventListener('load'", "s.src = 'http://localhost/embed.js';",
                "<script type=\"text/x-dockerfile\" class=\"dockerfile-explain\"",
                "dockerfile-explainer { display: block; white-space: pre;");
        assertThat(text).doesNotContain("require(", "module.exports", "PYTHONPATH");
        assertThat(page.select("a[href=http://localhost/integrations/render-codeblock-dockerfile.html]")).hasSize(1);
    }

    @Test
    void theAuthorsTitleIsTheCaption() throws Exception {
        Document frame = Jsoup.parse(mvc.perform(get("/embed/explain").param("dockerfile", "FROM alpine:3.22")
                .param("title", "Base <image>")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(frame.select("figcaption.code-title").text()).startsWith("Base <image>");
        assertThat(frame.select("figcaption.code-title").html()).contains("&lt;image&gt;");
    }

    static String packed(String dockerfile, boolean deflate) {
        byte[] bytes = dockerfile.getBytes(StandardCharsets.UTF_8);
        if (!deflate) {
            return "b:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return "z:" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    @Test
    void oembedKeepsAShareLinksDockerfileWhateverItsEncoding() throws Exception {
        String dockerfile = "FROM alpine:3.22\nRUN apk add --no-cache curl\nCMD [\"sh\"]\n";
        for (boolean deflate : new boolean[]{false, true}) {
            String code = packed(dockerfile, deflate);
            String plain = "http://localhost/playground#code=" + code + "&line=2";
            String once = "http://localhost/playground#code=" + code.replace(":", "%3A") + "%26line%3D2";
            String twice = "http://localhost/playground#" + java.net.URLEncoder.encode(
                    java.net.URLEncoder.encode("code=" + code + "&line=2", StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            for (String url : new String[]{plain, once, twice}) {
                mvc.perform(get("/oembed").param("url", url))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.html", containsString("/embed/explain#code=" + code + "&amp;line=2")))
                        .andExpect(jsonPath("$.height").value(SharedDockerfiles.CHROME_PX + 3 * SharedDockerfiles.LINE_PX));
            }
        }
        // A link that inflates past the size limit, or is not what it says, gets the small empty frame.
        String bomb = packed("RUN true\n".repeat(200_000), true);
        assertThat(SharedDockerfiles.frameHeight("code=" + bomb, 64 * 1024)).isEqualTo(SharedDockerfiles.EMPTY_PX);
        assertThat(SharedDockerfiles.frameHeight("code=z:!!!", 64 * 1024)).isEqualTo(SharedDockerfiles.EMPTY_PX);
        mvc.perform(get("/oembed").param("url", "http://localhost/lessons/overview"))
                .andExpect(jsonPath("$.height").value(OEmbedController.LESSON_HEIGHT))
                .andExpect(jsonPath("$.html", not(containsString("height=\"600\""))));
    }
}
