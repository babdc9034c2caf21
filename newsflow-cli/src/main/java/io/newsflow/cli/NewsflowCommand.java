package io.newsflow.cli;

import io.newsflow.stack.LocalStackCommand;

import io.newsflow.runtime.Cli;
import io.newsflow.enrich.EnrichCommand;
import io.newsflow.ingest.IngestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./newsflow}: one entry point for every newsflow command. */
@Command(name = "newsflow", mixinStandardHelpOptions = true,
        description = "Streaming news ingestion and enrichment on Apache Kafka.",
        subcommands = {DemoCommand.class, LocalStackCommand.class, IngestCommand.class, EnrichCommand.class,
                ConsumeCommand.class, DlqCommand.class, ReprocessCommand.class, ExtractCommand.class, TagCommand.class, io.newsflow.ingest.serve.ServeCommand.class, io.newsflow.cli.soak.SoakCommand.class,
                io.newsflow.cli.bench.BenchCommand.class, CommandLine.HelpCommand.class})
public final class NewsflowCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: demo, local-stack, ingest, serve, enrich, consume, extract, tag, soak or bench");
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine(new NewsflowCommand()).execute(args));
    }
}
