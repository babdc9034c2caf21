package io.newsflow.cli;

/** A child process for {@link JavaChildTest}: sleeps for a minute, or until killed. */
public final class Sleeper {
    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(60_000);
    }
}
