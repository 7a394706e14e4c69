final class Salutation {
    static final String HELLO = "Hello";
}
