package io.ashpg.resource;

import java.util.List;
import java.util.stream.Collectors;

/** Resource definitions are invalid; the message has one line per {@link Problem}. */
public final class DefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** Creates the exception for a non-empty list of problems. */
  public DefinitionException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in discovery order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    String header = problems.size() == 1 ? "1 problem in the resource definitions:"
        : problems.size() + " problems in the resource definitions:";
    return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
  }
}
