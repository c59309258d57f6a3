package io.restake4j.devnet.internal;

import java.io.IOException;
import java.util.Arrays;

import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

import io.restake4j.devnet.DevnetException;

/** Plain JSON-RPC calls for the node-control methods web3j has no typed request for. */
public final class Rpc {

    /** A response whose result is kept as whatever JSON value the node returned. */
    public static final class Raw extends Response<Object> {
    }

    private final Web3jService service;

    public Rpc(Web3jService service) {
        this.service = service;
    }

    /** Calls {@code method}; returns the result (String, Boolean, Map, List...) or throws with the node's error. */
    public Object call(String method, Object... params) {
        Raw response;
        try {
            response = new Request<>(method, Arrays.asList(params), service, Raw.class).send();
        } catch (IOException e) {
            throw new DevnetException(method + " failed: " + e.getMessage(), e);
        }
        if (response.hasError()) {
            throw new DevnetException(method + " failed: " + response.getError().getMessage()
                    + " (code " + response.getError().getCode() + ")");
        }
        return response.getResult();
    }
}
