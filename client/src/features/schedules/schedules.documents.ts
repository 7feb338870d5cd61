import { graphql } from '../../gql';

/** Run updates pushed by the server (status, attempts, deliveries) while runs go through. */
export const ReportRunUpdatedDocument = graphql(`
  subscription ReportRunUpdated($scheduleId: ID) {
    reportRunUpdated(scheduleId: $scheduleId) {
      ...ReportRunFields
    }
  }
`);
