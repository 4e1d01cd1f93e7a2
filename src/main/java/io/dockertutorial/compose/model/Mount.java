package io.dockertutorial.compose.model;

/**
 * A service's volume entry as Compose reads the short form {@code SOURCE:TARGET[:MODE]} or the long form.
 *
 * @param type   {@code volume} (named or anonymous), {@code bind} (a host path) or as the long form says
 * @param source the volume name or host path, {@code null} for an anonymous volume
 */
public record Mount(String type, String source, String target, boolean readOnly) {

    public static Mount parse(String text) {
        String s = text.strip();
        String[] parts = splitOutsideDrive(s);
        if (parts.length == 1) {
            return new Mount("volume", null, parts[0], false);
        }
        String source = parts[0];
        String target = parts[1];
        boolean ro = parts.length > 2 && java.util.Arrays.asList(parts[2].split(",")).contains("ro");
        return new Mount(isPath(source) ? "bind" : "volume", source, target, ro);
    }

    /** A host path starts with {@code .}, {@code /}, {@code ~} or a Windows drive; anything else names a volume. */
    public static boolean isPath(String source) {
        return source.startsWith(".") || source.startsWith("/") || source.startsWith("~")
                || source.matches("[A-Za-z]:[\\\\/].*") || source.startsWith("\\\\");
    }

    private static String[] splitOutsideDrive(String s) {
        // "C:\data:/data" keeps the drive letter's colon.
        if (s.matches("[A-Za-z]:[\\\\/].*")) {
            String[] rest = s.substring(2).split(":", -1);
            rest[0] = s.substring(0, 2) + rest[0];
            return rest;
        }
        return s.split(":", -1);
    }
}
