package io.restake4j.tx.fees;

import static io.restake4j.tx.fees.FeeStrategies.gwei;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.protocol.core.methods.response.EthFeeHistory;
import org.web3j.protocol.core.methods.response.EthGasPrice;
import org.web3j.utils.Numeric;

import io.restake4j.testing.FakeWeb3jService;

/** Canned node answers for the fee strategy tests. */
final class FeeFixtures {

    private FeeFixtures() {
    }

    static String hex(BigInteger wei) {
        return Numeric.encodeQuantity(wei);
    }

    /** A fee history whose last base fee is {@code next}, with one reward per block. */
    static EthFeeHistory.FeeHistory history(BigInteger next, BigInteger... rewards) {
        List<String> baseFees = new ArrayList<>();
        List<List<String>> rewardRows = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (BigInteger r : rewards) {
            baseFees.add(hex(next));
            rewardRows.add(List.of(hex(r)));
            ratios.add(0.5);
        }
        baseFees.add(hex(next));
        return new EthFeeHistory.FeeHistory("0x10", rewardRows, baseFees, ratios);
    }

    static EthFeeHistory answer(EthFeeHistory.FeeHistory history) {
        EthFeeHistory response = new EthFeeHistory();
        response.setResult(history);
        return response;
    }

    static EthGasPrice gasPriceAnswer(BigInteger wei) {
        EthGasPrice response = new EthGasPrice();
        response.setResult(hex(wei));
        return response;
    }

    /** A node whose eth_feeHistory answers {@code history} and eth_gasPrice answers {@code gasPrice}. */
    static FakeWeb3jService node(EthFeeHistory.FeeHistory history, BigInteger gasPrice) {
        return new FakeWeb3jService(request -> switch (request.getMethod()) {
            case "eth_feeHistory" -> answer(history);
            case "eth_gasPrice" -> gasPriceAnswer(gasPrice);
            default -> throw new IllegalStateException("unexpected " + request.getMethod());
        });
    }

    static final EthFeeHistory.FeeHistory BUSY = history(gwei(10), BigInteger.ZERO, gwei(1), gwei(3), gwei(2),
            BigInteger.ZERO);

    static final EthFeeHistory.FeeHistory PRE_LONDON = new EthFeeHistory.FeeHistory("0x10",
            List.of(List.of("0x0"), List.of("0x0")), List.of("0x0", "0x0", "0x0"), List.of(0.5, 0.5));

}
