package dev.accessaudit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints failures as one sentence on stderr, {@code audit: <what went wrong>}, with the stack trace
 * only under {@code --verbose}. Bad usage exits 2, bad input 2, anything else 1.
 */
final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String help = "./" + cli.getCommandSpec().qualifiedName() + " --help";
    cli.getErr().println("audit: " + message(e) + " (see " + help + ")");
    cli.getErr().flush();
    return ErrorMessages.BAD_INPUT;
  }

  private static String message(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String arg = unmatched.getUnmatched().get(0);
      CommandLine cli = e.getCommandLine();
      if (!arg.startsWith("-") && cli.getCommandSpec().subcommands().size() > 1) {
        return "unknown command '"
            + arg
            + "': choose one of "
            + String.join(", ", cli.getCommandSpec().subcommands().keySet());
      }
      return (arg.startsWith("-") ? "unknown option '" : "unexpected argument '") + arg + "'";
    }
    return e.getMessage();
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parseResult) {
    PrintWriter err = cli.getErr();
    err.println("audit: " + ErrorMessages.sentence(e));
    if (verbose(cli)) {
      e.printStackTrace(err);
    }
    err.flush();
    return ErrorMessages.exitCode(e);
  }

  private static boolean verbose(CommandLine cli) {
    ParseResult result = cli.getParseResult();
    return result != null && result.hasMatchedOption("--verbose");
  }
}
