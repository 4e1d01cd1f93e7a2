package io.dockertutorial.command.syntax;

import java.util.Arrays;

/**
 * One command as typed, its continuation lines joined: {@code text} without prompt and line-continuation
 * characters (a space where a line break was), with where each character was written in the block.
 *
 * @param powershell whether PowerShell quoting and escapes apply (a {@code PS>} prompt or a PowerShell fence)
 */
public record CommandText(int startLine, int endLine, String text, int[] lines, int[] columns, boolean powershell) {

    /** The 1-based line of character {@code at} of {@link #text()}. */
    public int lineOf(int at) {
        return lines[Math.min(Math.max(at, 0), lines.length - 1)];
    }

    /** The column of character {@code at}, or -1 for the space that stands for a line break. */
    public int columnOf(int at) {
        return columns[Math.min(Math.max(at, 0), columns.length - 1)];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandText c && c.startLine == startLine && c.text.equals(text)
                && Arrays.equals(c.lines, lines) && Arrays.equals(c.columns, columns);
    }

    @Override
    public int hashCode() {
        return startLine * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return startLine + "-" + endLine + ": " + text;
    }
}
