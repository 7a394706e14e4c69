package pagelab.testkit;

import example.adder.Adder;
import pagelab.exercise.Check;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;

/** {@link AdderChecks} whose evidence is partly translatable, for the verifier's test of English in evidence. */
public class EvidenceAdderChecks {
    @Check(points = 5, title = "Adds small numbers")
    public CheckResult small(Adder a) {
        int got = a.add(2, 3);
        return CheckResult.pass("2 + 3 = " + got).evidence(
                Evidence.note("Sums", "add(2, 3) = " + got),                          // translated caption, code line
                Evidence.note("Adder.java", "0x00010000 HeapCreate PAGE_READWRITE"), // code only: fine in English
                Evidence.note(Msg.of("note.sum", "Sum"), Msg.of("note.got", "got {0}", got), Msg.text("add(2, 3)")),
                Evidence.note("What it did", "add(2, 3)"),                          // an English caption
                Evidence.note("Sums", "returned the sum"));                          // an English line
    }

    @Check(points = 5, title = "Adds negative numbers", after = "small")
    public CheckResult negative(Adder a) {
        return CheckResult.pass("fine");
    }
}
