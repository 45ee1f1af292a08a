package io.ashpg.migration.safety;

/**
 * The PostgreSQL major versions a fact holds on, within those ashpg supports ({@value #OLDEST} to {@value #NEWEST}).
 *
 * @param from oldest major, inclusive
 * @param to   newest major, inclusive
 */
public record PgVersions(int from, int to) {

  /** Oldest PostgreSQL major ashpg supports. */
  public static final int OLDEST = 15;
  /** Newest PostgreSQL major ashpg supports. */
  public static final int NEWEST = 18;
  /** Every supported major. */
  public static final PgVersions ALL = new PgVersions(OLDEST, NEWEST);

  public PgVersions {
    if (from < OLDEST || to > NEWEST || from > to) {
      throw new IllegalArgumentException("versions " + from + "–" + to + " are not a range within " + OLDEST + "–"
          + NEWEST);
    }
  }

  /** From {@code from} to the newest supported major. */
  public static PgVersions since(int from) {
    return new PgVersions(from, NEWEST);
  }

  /** Whether the fact holds on major {@code major} (e.g. 17). */
  public boolean includes(int major) {
    return major >= from && major <= to;
  }

  @Override
  public String toString() {
    return from == to ? "PostgreSQL " + from : "PostgreSQL " + from + "–" + to;
  }
}
