package io.gridside.sim.firmware;

/**
 * The simulated gateway's power was cut by {@link GatewayUpdate#cutPowerAt}: it does nothing more until it is
 * started again on its flash, as a new gateway on the same journal directory.
 */
public final class PowerCutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PowerCutException(String message) {
        super(message);
    }
}
