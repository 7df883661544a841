package io.gridside.link.client;

import io.gridside.link.message.BillingConfigBatch;
import io.gridside.link.message.GetBillingConfig;
import io.gridside.link.message.GetMeshDay;
import io.gridside.link.message.MalformedMessageException;
import io.gridside.link.message.MeshDayBatch;
import io.gridside.site.cbor.ByteString;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Pulls the documents a gateway streams in compressed pieces: a day's mesh history and its billing configuration. */
final class DocumentPull {

    private DocumentPull() {
    }

    /** See {@link GatewayClient#meshDay}. */
    static byte[] meshDay(GatewayClient client, LocalDate day, CancelSignal cancel) throws LinkException {
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        List<LocalDate> named = new ArrayList<>();
        client.stream(new GetMeshDay(day), MeshDayBatch.class, batch -> {
            named.add(batch.day());
            return new GatewayClient.Batch<>(batch.chunks(), batch.total());
        }, (chunks, received, total) -> chunks.forEach(chunk -> document.writeBytes(chunk.toByteArray())), cancel);
        if (named.stream().anyMatch(other -> !other.equals(day))) {
            throw client.incomplete("a batch of another day came in the mesh history of " + day);
        }
        return unpacked(document.toByteArray());
    }

    /** See {@link GatewayClient#billingConfig}. */
    static byte[] billingConfig(GatewayClient client, CancelSignal cancel) throws LinkException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        Set<ByteString> digests = new HashSet<>();
        client.stream(new GetBillingConfig(), BillingConfigBatch.class, batch -> {
            digests.add(batch.digest());
            return new GatewayClient.Batch<>(batch.chunks(), batch.total());
        }, (chunks, received, total) -> chunks.forEach(chunk -> packed.writeBytes(chunk.toByteArray())), cancel);
        byte[] document = unpacked(packed.toByteArray());
        if (digests.size() != 1 || !digests.contains(BillingConfigBatch.digestOf(document))) {
            throw client.incomplete("the billing configuration does not match the digest its batches name");
        }
        return document;
    }

    private static byte[] unpacked(byte[] packed) throws LinkException {
        try {
            return MeshDayBatch.documentOf(packed);
        } catch (MalformedMessageException e) {
            throw new LinkException(LinkException.Code.GATEWAY_ERROR, "The gateway sent " + e.getMessage() + ".", e);
        }
    }
}
