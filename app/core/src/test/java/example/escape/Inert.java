package example.escape;

/** The escape exercise's solution interface: the solution does nothing; the attempts are the checker's own. */
public interface Inert {
}
