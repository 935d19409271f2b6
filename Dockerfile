# Node 24 LTS (DESIGN.md §8); the code also runs on Node 20.19+ and 22, and CI tests it on both ends.
# Production image: compiled app only. Needs DATABASE_URL, JWT_SECRET, ENCRYPTION_KEYS,
# ENCRYPTION_ACTIVE_KEY_ID and BLIND_INDEX_KEY (NODE_ENV=production refuses to start without them).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: the sources are not here yet for the start's build (`prepare`), the image is
# built by `npm run build` below, and it runs against DATABASE_URL (no embedded PostgreSQL to set up).
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
