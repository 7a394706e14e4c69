package pagelab.exercises.copyonwrite;

/**
 * One access of an instance to a global of the image: {@code instance} 0 is the first process started, 1 the
 * second, ...; {@code write} false means a read.
 */
public record Access(int instance, String global, boolean write) {
}
