package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.*;
import io.dockertutorial.dockerfile.state.*;
import io.dockertutorial.dockerfile.syntax.*;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 21, Windows: detection by repository, PowerShell and cmd commands explained, $env:NAME read. */
class WindowsScriptTest {

    private static final List<String> PS = List.of("powershell", "-Command", "$ErrorActionPreference = 'Stop';");
    private final Explainer explainer = new Explainer();

    private static List<String> names(String script, List<String> shell) {
        return WindowsScript.parse(script, shell).stream().map(ShellCommand::name).toList();
    }

    @Test
    void powershellStatementsAreSplitOutsideQuotes() {
        assertThat(names("$url = 'https://example.org/a;b.zip'; Invoke-WebRequest -Uri $url -OutFile C:\\a.zip -UseBasicParsing; "
                + "Expand-Archive C:\\a.zip -DestinationPath C:\\a; Remove-Item C:\\a.zip -Force", PS))
                .containsExactly("Invoke-WebRequest", "Expand-Archive", "Remove-Item");
        assertThat(names("if (-not (Test-Path C:\\x)) { New-Item -ItemType Directory -Path C:\\x | Out-Null }", PS))
                .containsExactly("New-Item", "Out-Null");
        assertThat(names("[Environment]::SetEnvironmentVariable('PATH', $env:PATH + ';C:\\tool', 'Machine')", PS))
                .containsExactly("[Environment]::SetEnvironmentVariable");
        assertThat(names("Start-Process msiexec.exe -ArgumentList '/i', 'C:\\a.msi', '/qn' -Wait; & 'C:\\Program Files\\x\\x.exe' --version", PS))
                .containsExactly("Start-Process", "C:\\Program Files\\x\\x.exe");
    }

    @Test
    void cmdLinesAndPowershellInsideCmd() {
        List<String> cmd = List.of("cmd", "/S", "/C");
        assertThat(names("msiexec /i C:\\a.msi /qn /norestart && del /q C:\\a.msi", cmd)).containsExactly("msiexec", "del");
        assertThat(names("powershell -Command \"Invoke-WebRequest -Uri https://x/y.zip -OutFile y.zip; Expand-Archive y.zip -DestinationPath C:\\y\"", cmd))
                .containsExactly("powershell", "Invoke-WebRequest", "Expand-Archive");
        assertThat(names("if not exist C:\\data mkdir C:\\data & setx /M PATH \"%PATH%;C:\\tool\"", cmd)).containsExactly("mkdir", "setx");
    }

    @Test
    void cmdletsAndParametersHaveNotesFromTheCatalog() {
        CommandCatalog windows = CommandCatalog.windows();
        ShellCommand iwr = WindowsScript.parse("invoke-webrequest -uri https://x/y -outfile y -UseB", PS).get(0);
        assertThat(windows.knows(iwr)).isTrue();
        assertThat(windows.flags(iwr)).extracting(CommandCatalog.FlagUse::flag).containsExactly("-uri", "-outfile", "-UseB");
        assertThat(windows.flags(iwr)).allMatch(f -> f.text() != null);
        ShellCommand msi = WindowsScript.parse("msiexec.exe /i C:\\a.msi /qn /l*v C:\\log.txt", List.of("cmd", "/S", "/C")).get(0);
        assertThat(windows.flags(msi)).extracting(CommandCatalog.FlagUse::flag).containsExactly("/i", "/qn", "/l*v");
        assertThat(windows.flags(msi)).allMatch(f -> f.text() != null);
    }

    @Test
    void windowsIsDetectedFromTheRepositoryAndItsShellIsNotSh() {
        for (String image : List.of("mcr.microsoft.com/dotnet/framework/sdk:4.8", "mcr.microsoft.com/windows/servercore:ltsc2022")) {
            Analysis.Explained run = explainer.explain("FROM " + image + "\nRUN mkdir C:\\app\n").instructions().get(1);
            assertThat(run.explanation()).as(image).contains("cmd").doesNotContain("/bin/sh");
            assertThat(run.commands()).extracting(Analysis.CommandNote::command).containsExactly("mkdir C:\\app");
        }
        assertThat(explainer.explain("FROM mcr.microsoft.com/dotnet/aspnet:9.0\nRUN ls\n").instructions().get(1).explanation())
                .contains("/bin/sh");
    }

    @Test
    void powershellEnvironmentVariablesAreRead() {
        String file = "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nENV TOOL_HOME=C:\\\\tool\n"
                + "RUN Write-Host $env:TOOL_HOME; $local = 1\n";
        String text = explainer.explain(file).instructions().get(3).explanation();
        assertThat(text).contains("$TOOL_HOME is the environment variable set with ENV on line 3").doesNotContain("$env ");
    }
}
