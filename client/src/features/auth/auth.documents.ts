import { graphql } from '../../gql';

export const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      member { id email role }
    }
  }
`);

export const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

export const ViewerDocument = graphql(`
  query Viewer {
    me { id email role }
    organization { id name timezone isSubAccount creditsPerUsd }
  }
`);
