package io.restake4j.testing;

import java.time.Duration;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3jService;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;

/** Clients on the shared devnet, as a user would build them. */
public final class DevnetClients {

    private DevnetClients() {
    }

    public static Network network(Devnet devnet) {
        return Network.of("devnet", devnet.chainId(), devnet.addresses().asMap());
    }

    public static Restaking client(Devnet devnet, Credentials account) {
        return builder(devnet).signer(Signer.of(account)).rpc(devnet.rpcUrl()).build();
    }

    /** A client whose transport is {@code service} (e.g. a counting or failing one). */
    public static Restaking client(Devnet devnet, Credentials account, Web3jService service) {
        return builder(devnet).signer(Signer.of(account)).service(service).build();
    }

    public static Restaking.Builder builder(Devnet devnet) {
        return Restaking.builder().network(network(devnet)).receiptPollInterval(Duration.ofMillis(5));
    }
}
