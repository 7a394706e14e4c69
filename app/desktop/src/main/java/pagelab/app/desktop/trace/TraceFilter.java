package pagelab.app.desktop.trace;

import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.TraceEvent;

import javax.swing.RowFilter;
import java.util.Locale;

/** Which trace rows show: a kind (all, calls, faults, failures) and a case-insensitive text. */
public final class TraceFilter extends RowFilter<TraceTableModel, Integer> {
    /** The kinds of event the filter can keep. */
    public enum Show { ALL, CALLS, FAULTS, FAILURES }

    private final Show show;
    private final String text;

    public TraceFilter(Show show, String text) {
        this.show = show;
        this.text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean include(Entry<? extends TraceTableModel, ? extends Integer> entry) {
        TraceTableModel model = entry.getModel();
        int row = entry.getIdentifier();
        return keeps(model.event(row)) && (text.isEmpty() || model.searchText(row).contains(text));
    }

    boolean keeps(TraceEvent e) {
        switch (show) {
            case CALLS:
                return e instanceof KernelCall;
            case FAULTS:
                return e instanceof FaultEvent;
            case FAILURES:
                return e instanceof FaultEvent || e instanceof KernelCall && ((KernelCall) e).failed();
            default:
                return true;
        }
    }
}
