package io.gridside.console.commission;

import io.gridside.console.Sentence;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.SitePlan;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where the Commissioning screen's facts come from and its orders go: the console's commissioning service, or a
 * test's stand-in. Every order runs in the background; every callback runs on the JavaFX thread, and a failure or a
 * refusal comes as a sentence for the technician.
 */
public interface CommissionSource {

    /** Hands {@code onOverview} each new overview, and {@code onProgress} each step of work under way. */
    void listen(Consumer<CommissionOverview> onOverview, Consumer<Progress> onProgress);

    /** Reads the overview again now, with the meters that joined since. */
    void reload();

    /** Runs the steps from the current one until one waits for the technician or all are done. */
    void proceed(Consumer<Sentence> onFailure);

    /** Stops the work under way between two actions; what was applied stays applied. */
    void cancel();

    /** Creates the site in a new store from {@code plan}. */
    void createSite(SitePlan plan, Consumer<Sentence> onFailure);

    /** Reaches the factory-fresh gateway at {@code address} (host:port or a serial device) and pins its key. */
    void connectGateway(String address, Consumer<Sentence> onFailure);

    /** Takes {@code pack}, the operator's commissioning pack, for the gateway. */
    void choosePack(Path pack, Consumer<Sentence> onFailure);

    /** Imports the customers of {@code csv}; {@code onFailure} hears each line's problem. */
    void importCustomers(Path csv, Consumer<Sentence> onFailure);

    /** Assigns the meter {@code serial} (typed or scanned) to {@code customerId}; a refusal says why. */
    void assign(String serial, String customerId, Consumer<Sentence> onRefused);

    /** Takes {@code customerId}'s meter back before go-live, so that another can be assigned to them. */
    void unassign(String customerId, Consumer<Sentence> onRefused);

    /** Gives the technician's go and runs go-live: the gateway's billing switches on. */
    void goLive(Consumer<Sentence> onFailure);

    /** Goes back to {@code step}, so that it and the steps after it run again. */
    void goBack(CommissionStep step, Consumer<Sentence> onFailure);

    /** The limits the link check measures the meters against now. */
    LinkThresholds thresholds();

    /**
     * Measures the links against {@code thresholds} from now on; when the day has reached the link check and has not
     * gone live, the link check runs again with them, and the steps after it.
     */
    void useThresholds(LinkThresholds thresholds, Consumer<Sentence> onFailure);

    /**
     * How far the work under way has got.
     *
     * @param message what is happening
     * @param done    how much is done
     * @param total   how much in all, or -1 when unknown
     * @param running whether work is under way
     */
    record Progress(String message, long done, long total, boolean running) {
    }
}
