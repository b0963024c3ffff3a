package io.resoto.worker.graph;

import java.time.Instant;

/** The example graph of the original demo collector, shared by the tests. */
final class DemoGraph {

  final Graph graph = new Graph();
  final Node root;
  final Node cloud;
  final Node account;
  final Node region;
  final Node instance;
  final Node volume;

  DemoGraph() {
    root = graph.add(Node.builder("graph_root", "root").typeName("fixlib.graph.GraphRoot").build());
    cloud = graph.add(Node.builder("cloud", "demo").cloud("demo")
        .typeName("fixlib.baseresources.Cloud").build());
    account = graph.add(Node.builder("demo_account", "123456789012").name("eng-sre")
        .cloud("demo").account("123456789012")
        .categories("management").typeName("fix_plugin_demo.DemoAccount").build());
    region = graph.add(Node.builder("demo_region", "us-east-1")
        .cloud("demo").account("123456789012").region("us-east-1").idKeyExtra("us-east-1")
        .typeName("fix_plugin_demo.DemoRegion").build());
    instance = graph.add(Node.builder("demo_instance", "i-0abc")
        .cloud("demo").account("123456789012").region("us-east-1")
        .tag("owner", "alice").tag("empty", null).name("web-1")
        .ctime(Instant.parse("2024-01-02T03:04:05Z"))
        .property("instance_cores", 2.0).property("instance_memory", 4.0)
        .property("instance_type", "t3.medium").property("instance_status", "running")
        .usage("cpu_utilization_percent", "max", 80.0).usage("cpu_utilization_percent", "min", 1.0)
        .usage("cpu_utilization_percent", "avg", 12.5)
        .categories("compute").typeName("fix_plugin_demo.DemoInstance").build());
    volume = graph.add(Node.builder("demo_volume", "vol-0def")
        .cloud("demo").account("123456789012").region("us-east-1")
        .property("volume_size", 100).property("volume_type", "gp3")
        .property("snapshot_before_delete", false)
        .categories("storage").typeName("fix_plugin_demo.DemoVolume").build());
    graph.addEdge(root, cloud);
    graph.addEdge(cloud, account);
    graph.addEdge(account, region);
    graph.addEdge(region, instance);
    graph.addEdge(region, volume);
    graph.addEdge(instance, volume);
    graph.addEdge(volume, instance, EdgeType.DELETE);
  }
}
