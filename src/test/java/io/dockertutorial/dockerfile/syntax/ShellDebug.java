package io.dockertutorial.dockerfile.syntax;

/** Prints how a script is split (a debugging aid: java … ShellDebug 'script'). */
final class ShellDebug {
    public static void main(String[] args) throws Exception {
        String script = args.length > 0 ? args[0] : new String(System.in.readAllBytes());
        ShellScript.parse(script).forEach(c -> System.out.println(c.name() + " " + c.args() + (c.pipedOut() ? " |" : "") + (c.nested() ? " (nested)" : "")));
    }
}
