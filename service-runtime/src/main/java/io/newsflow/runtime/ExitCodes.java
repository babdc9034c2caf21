package io.newsflow.runtime;

/** Exit codes every newsflow command uses (sysexits.h where one fits). */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** A fatal error: nothing or not everything could be done (broker unreachable, ...). */
    public static final int FATAL = 1;
    /** Partly done: some inputs were rejected, the rest were processed. */
    public static final int PARTIAL = 2;
    /** Wrong command line (EX_USAGE). */
    public static final int USAGE = 64;
    /** Invalid configuration (EX_CONFIG). */
    public static final int CONFIG = 78;
    /** Interrupted by a signal (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
