package nl.evidencestore.infra.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar evidence-store.jar [serve|…]}: serving is the default. */
@Command(name = "evidence-store", mixinStandardHelpOptions = true, version = "evidence-store 0.1.0",
        description = "Event-sourced audit evidence store for a GDPR Art. 28 processing agreement.",
        subcommands = {Serve.class, Load.class, Rebuild.class, Verify.class, Check.class, BundleBench.class, SearchBenchCommand.class, RebuildBenchCommand.class, FreshnessBenchCommand.class, CrashBenchCommand.class, StartBenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        // Axon checks for updates over the network unless told not to: an evidence store must not phone home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        CommandLine commandLine = new CommandLine(new Main());
        String[] effective = args.length == 0 ? new String[]{"serve"} : args;
        System.exit(commandLine.execute(effective));
    }

    @Override
    public void run() {
        new CommandLine(new Serve()).execute();
    }
}
