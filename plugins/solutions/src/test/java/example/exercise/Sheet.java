package example.exercise;

/** A toy exercise's solution interface: it names {@link Cell}, which is therefore student-facing too. */
public interface Sheet {
    int ROWS = 4;

    Cell cell(int row);
}
