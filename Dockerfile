FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build --if-present
ENV NODE_ENV=production
EXPOSE 4000
WORKDIR /app/server
# node itself is PID 1's child of nothing else, so SIGTERM reaches it and shutdown drains requests.
CMD ["node", "--import", "@swc-node/register/esm-register", "src/main.ts"]
