package io.gridside.link.client;

import io.gridside.link.message.GetTopology;
import io.gridside.link.message.TopologyBatch;
import io.gridside.site.TopologySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Pulls the mesh's topology as one snapshot, checking that every batch of its stream belongs to it. */
final class TopologyPull {

    private TopologyPull() {
    }

    static TopologySnapshot pull(GatewayClient client, Instant at) throws LinkException {
        List<TopologyBatch> headers = new ArrayList<>();
        List<TopologySnapshot.Node> nodes = new ArrayList<>();
        List<TopologySnapshot.Link> links = new ArrayList<>();
        client.stream(GetTopology.of(at, client.hello().capabilities()), TopologyBatch.class, batch -> {
            headers.add(batch);
            List<TopologySnapshot.Item> items = new ArrayList<>(batch.nodes());
            items.addAll(batch.links());
            return new GatewayClient.Batch<>(items, batch.total());
        }, (items, received, total) -> items.forEach(item -> {
            if (item instanceof TopologySnapshot.Node node) {
                nodes.add(node);
            } else if (item instanceof TopologySnapshot.Link link) {
                links.add(link);
            }
        }), CancelSignal.NEVER);
        if (headers.isEmpty()) {
            throw client.incomplete("the topology stream carried no batch");
        }
        TopologyBatch first = headers.get(0);
        for (TopologyBatch batch : headers) {
            if (!batch.at().equals(first.at()) || !batch.gatewayId().equals(first.gatewayId())) {
                throw client.incomplete("a batch of the topology at " + batch.at() + " came in the stream of "
                        + first.at());
            }
        }
        try {
            return new TopologySnapshot(first.at(), first.gatewayId(), nodes, links);
        } catch (IllegalArgumentException e) {
            throw new LinkException(LinkException.Code.GATEWAY_ERROR, "The gateway sent a topology that does not "
                    + "hold together: " + e.getMessage(), e);
        }
    }
}
