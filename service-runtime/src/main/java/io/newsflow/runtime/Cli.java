package io.newsflow.runtime;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds a picocli command line with newsflow's conventions: one-line usage errors, exit 64. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine commandLine(Object command) {
        CommandLine cli = new CommandLine(command);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.FATAL);
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            PrintWriter err = failed.getErr();
            err.println(failed.getCommandName() + ": " + ex.getMessage() + " (see --help)");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            failed.getErr().println(failed.getCommandName() + ": " + oneLine(ex));
            return ExitCodes.FATAL;
        });
        return cli;
    }

    /** An exception as one line: its message, and its cause's when that says more. */
    public static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + ": " + cause.getMessage();
        }
        return message.replace('\n', ' ');
    }
}
