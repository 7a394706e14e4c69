package example.adder;

/** The toy solution interface. */
public interface Adder {
    int add(int a, int b);
}
