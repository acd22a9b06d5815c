package pipeline

import (
	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
)

// QueueCollector reports Asynq's queues at scrape time through its Inspector: size, latency
// (age of the oldest pending task, what a worker autoscaler should follow) and tasks by state.
type QueueCollector struct {
	Inspector *asynq.Inspector
}

var (
	queueSize    = prometheus.NewDesc("sohoa_queue_size", "Tasks in the queue, any state.", []string{"queue"}, nil)
	queueLatency = prometheus.NewDesc("sohoa_queue_latency_seconds", "Age of the oldest pending task.", []string{"queue"}, nil)
	queueTasks   = prometheus.NewDesc("sohoa_queue_tasks", "Tasks in the queue by state.", []string{"queue", "state"}, nil)
)

// Describe implements prometheus.Collector.
func (c QueueCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- queueSize
	ch <- queueLatency
	ch <- queueTasks
}

// Collect implements prometheus.Collector.
func (c QueueCollector) Collect(ch chan<- prometheus.Metric) {
	queues, err := c.Inspector.Queues()
	if err != nil {
		return
	}
	for _, q := range queues {
		info, err := c.Inspector.GetQueueInfo(q)
		if err != nil {
			continue
		}
		ch <- prometheus.MustNewConstMetric(queueSize, prometheus.GaugeValue, float64(info.Size), q)
		ch <- prometheus.MustNewConstMetric(queueLatency, prometheus.GaugeValue, info.Latency.Seconds(), q)
		for state, n := range map[string]int{"pending": info.Pending, "active": info.Active, "scheduled": info.Scheduled,
			"retry": info.Retry, "archived": info.Archived, "completed": info.Completed} {
			ch <- prometheus.MustNewConstMetric(queueTasks, prometheus.GaugeValue, float64(n), q, state)
		}
	}
}
